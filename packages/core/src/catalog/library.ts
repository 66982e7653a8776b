/** The call library: folders and the calls saved in them. */
import { id, params } from "../params/fields.js";
import type { LibraryCall, LibraryFolder } from "./records.js";
import { workspaceId } from "./shared.js";
import { operation } from "./types.js";

export const libraryOperations = {
  library_folders: {
    list: operation<LibraryFolder>()({
      kind: "list",
      method: "GET",
      path: "/v2/library/folders",
      cursor: "none",
      records: "folders",
      scopes: ["api:library:read"],
      hint: "Public library folders (id, name, parentFolderId).",
      params: () => params({ workspaceId: workspaceId().optional() }),
    }),
  },
  library_folder_content: {
    list: operation<LibraryCall>()({
      kind: "list",
      method: "GET",
      path: "/v2/library/folder-content",
      cursor: "none",
      records: "calls",
      privateFlag: "isPrivate",
      scopes: ["api:library:read"],
      hint: "Calls saved in a library folder, with notes and snippets.",
      params: () => params({ folderId: id("Library folder id (see library_folders list).") }),
    }),
  },
};
