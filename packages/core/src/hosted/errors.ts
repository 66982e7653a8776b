import { GongNotFoundError, GongValidationError } from "../errors.js";

/** No Gong connector exists in the workspace the hosted connector was pointed at. */
export class HostedConnectorNotFoundError extends GongNotFoundError {
  override name = "HostedConnectorNotFoundError";
  readonly workspaceName: string;

  constructor(workspaceName: string) {
    super(
      `No Gong connector was found in hosted workspace "${workspaceName}". Create one (POST /api/v1/integrations/connectors or \`gong-agent connectors create\`), or pass the right workspaceName or connectorId.`,
      { status: 404 },
    );
    this.workspaceName = workspaceName;
  }
}

/** Several Gong connectors exist in the workspace, so the one to use must be named by id. */
export class HostedConnectorAmbiguousError extends GongValidationError {
  override name = "HostedConnectorAmbiguousError";
  readonly workspaceName: string;
  readonly connectorIds: readonly string[];

  constructor(workspaceName: string, connectorIds: readonly string[]) {
    super(
      `Hosted workspace "${workspaceName}" has ${connectorIds.length} Gong connectors (${connectorIds.join(", ")}); pass connectorId to choose one.`,
      { field: "connectorId", validValues: connectorIds },
    );
    this.workspaceName = workspaceName;
    this.connectorIds = connectorIds;
  }
}
