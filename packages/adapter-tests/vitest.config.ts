import { packageTestConfig } from "../../vitest.shared.ts";

// The packed-tarball test installs the adapters into a fresh project from the registry: it needs minutes, not seconds.
export default packageTestConfig({ testTimeout: 60_000 });
