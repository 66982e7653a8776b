/**
 * Key rotation: after starting with a new GONG_AGENT_SERVER_KEY and the old one in
 * GONG_AGENT_SERVER_PREVIOUS_KEYS, `resealSecrets` rewrites every stored credential under the new key.
 * Once it reports nothing left on an old key, the previous keys can be dropped.
 */

import type { SecretBox } from "./crypto/secret-box.js";
import { configAssociatedData } from "./execution/connector-pool.js";
import { tokensAssociatedData } from "./execution/database-token-store.js";
import type { Storage } from "./storage/types.js";

export interface ResealReport {
  connectors: number;
  /** Values rewritten under the current key. */
  resealed: number;
  /** Token pairs that rotated during the run and were left for a second run. */
  skipped: number;
}

export async function resealSecrets(storage: Storage, box: SecretBox): Promise<ResealReport> {
  const report: ResealReport = { connectors: 0, resealed: 0, skipped: 0 };
  for (const connector of await storage.listAllConnectors()) {
    report.connectors += 1;
    const configAd = configAssociatedData(connector.id);
    if (!box.isCurrent(connector.sealedConfig, configAd)) {
      await storage.updateConnectorConfig(
        connector.id,
        box.seal(box.open(connector.sealedConfig, configAd), configAd),
      );
      report.resealed += 1;
    }
    const tokens = await storage.getConnectorTokens(connector.id);
    const tokensAd = tokensAssociatedData(connector.id);
    if (tokens && !box.isCurrent(tokens.sealed, tokensAd)) {
      // Compare-and-swap: a pair rotated meanwhile was written with the current key already.
      const swapped = await storage.swapConnectorTokens(
        connector.id,
        tokens.generation,
        box.seal(box.open(tokens.sealed, tokensAd), tokensAd),
      );
      if (swapped === undefined) report.skipped += 1;
      else report.resealed += 1;
    }
  }
  return report;
}
