import { packageTestConfig } from "../../vitest.shared.ts";

// Tests spawn real server processes; give them room on a loaded machine.
export default packageTestConfig({ testTimeout: 60_000 });
