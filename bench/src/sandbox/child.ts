/**
 * Runs a sandbox in its own process, so the benchmark's client process measures only the client.
 * Options arrive as JSON in argv[2]; the connection details go out as one JSON line on stdout.
 * The process ends when its parent closes stdin (or kills it).
 */
import { startSandbox } from "@gong-agent/sandbox";

const options = JSON.parse(process.argv[2] ?? "{}") as Parameters<typeof startSandbox>[0];
const sandbox = await startSandbox(options);
process.stdout.write(
  `${JSON.stringify({ url: sandbox.url, accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret })}\n`,
);
const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
