import { isoDateTime } from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import type { ApiRoute } from "../http/types.js";
import { workspaceIndexOf } from "./input.js";

const folders: ApiRoute = {
  method: "GET",
  path: "/v2/library/folders",
  scope: "api:library:read",
  handler(ctx) {
    const { data } = ctx;
    const workspaceIndex = workspaceIndexOf(ctx, ctx.query.get("workspaceId"));
    const list = data.settings.libraryFolders.filter(
      (f) => workspaceIndex === undefined || f.workspaceIndex === workspaceIndex,
    );
    return {
      body: {
        folders: list.map((f) => ({
          id: f.id,
          name: f.name,
          ...(f.parentFolderId ? { parentFolderId: f.parentFolderId } : {}),
          createdBy: data.users[f.createdByIndex]!.id,
          updated: isoDateTime(f.updatedMs),
        })),
      },
    };
  },
};

const folderContent: ApiRoute = {
  method: "GET",
  path: "/v2/library/folder-content",
  scope: "api:library:read",
  handler(ctx) {
    const { data } = ctx;
    const folderId = ctx.query.get("folderId");
    if (!folderId) throw badRequest("folderId is required: list folders with GET /v2/library/folders");
    const folder = data.settings.libraryFolders.find((f) => f.id === folderId);
    if (!folder) throw notFound(`Folder ${folderId} was not found`);
    return {
      body: {
        id: folder.id,
        name: folder.name,
        createdBy: data.users[folder.createdByIndex]!.id,
        updated: isoDateTime(folder.updatedMs),
        calls: folder.calls.map((index, k) => {
          const meta = data.callMeta(index);
          const plan = data.callPlan(index);
          const from = 60 + ((index * 37) % Math.max(1, plan.durationSec - 240));
          return {
            id: plan.core.id,
            title: meta.title,
            note:
              k % 2 === 0
                ? "Great example to share with new hires."
                : "Listen to how the objection is handled.",
            addedBy: data.users[folder.createdByIndex]!.id,
            created: isoDateTime(Math.min(ctx.nowMs, plan.core.startMs + 2 * 86_400_000)),
            url: meta.url,
            snippet: { fromSec: from, toSec: from + 120 },
          };
        }),
      },
    };
  },
};

export const libraryRoutes: ApiRoute[] = [folders, folderContent];
