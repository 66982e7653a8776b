import { packageTestConfig } from "../../vitest.shared.ts";

// The test runs the whole example (sandbox, server process, client) as a child process.
export default packageTestConfig({ testTimeout: 90_000 });
