#!/usr/bin/env node
/** The `gong-agent` executable. */
import { main } from "./main.js";

// A closed pipe (`gong-agent … | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
// Commands close what they open; exit anyway so a stray keep-alive socket cannot hold the process.
setTimeout(() => process.exit(code), 200).unref();
