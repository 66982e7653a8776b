export {
  type ExampleRunOptions,
  exampleRunTests,
  expectScriptedConversation,
  expectUsesConfiguredGong,
  runOffline,
} from "./conversation.js";
export { type ChatRequest, expectChatCompletionsRun, type ReceivedChat } from "./fake-openai.js";
export { runExample } from "./run.js";
