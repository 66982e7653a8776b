import { packageTestConfig } from "../../vitest.shared.ts";

// Every test runs the built CLI as a child process; give real processes room on a loaded machine.
export default packageTestConfig({ testTimeout: 60_000 });
