import { packageTestConfig } from "../../vitest.shared.ts";

// The test runs the whole example (sandbox, agent loop) as a child process.
export default packageTestConfig({ testTimeout: 90_000 });
