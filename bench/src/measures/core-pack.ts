import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coreDir } from "../paths.js";
import { runCommand } from "../util/child.js";
import { round } from "../util/stats.js";
import type { Measure } from "./types.js";

/**
 * corePackKB: the size of the tarball `pnpm pack` makes of packages/core (what `npm install`
 * downloads), in KiB. Context: the number of files in it.
 */
export const corePack: Measure = {
  name: "pack",
  keys: ["corePackKB"],
  async run() {
    const destination = await mkdtemp(join(tmpdir(), "gong-bench-pack-"));
    try {
      const packed = await runCommand("pnpm", ["pack", "--pack-destination", destination], {
        cwd: coreDir,
        timeoutMs: 60_000,
      });
      if (packed.code !== 0)
        throw new Error(`pnpm pack failed: ${packed.stderr.trim() || packed.stdout.trim()}`);
      const tarballs = (await readdir(destination)).filter((name) => name.endsWith(".tgz"));
      if (tarballs.length !== 1)
        throw new Error(`expected one tarball, found ${tarballs.join(", ") || "none"}`);
      const tarball = join(destination, tarballs[0]!);
      const bytes = (await stat(tarball)).size;
      const listing = await runCommand("tar", ["-tzf", tarball]);
      const files = listing.stdout.split("\n").filter((line) => line.length > 0 && !line.endsWith("/"));
      return {
        values: { corePackKB: round(bytes / 1024, 1) },
        notes: [`${tarballs[0]}: ${round(bytes / 1024, 1)} KB, ${files.length} files`],
      };
    } finally {
      await rm(destination, { recursive: true, force: true });
    }
  },
};
