import { Tiktoken } from "js-tiktoken/lite";
import o200kBase from "js-tiktoken/ranks/o200k_base";

let encoder: Tiktoken | undefined;

/** Tokens of `text` in OpenAI's o200k_base encoding (GPT-4o and later). */
export function countTokens(text: string): number {
  encoder ??= new Tiktoken(o200kBase);
  return encoder.encode(text).length;
}

/**
 * What a model reads of a tool definition: its description and its parameters' JSON schema,
 * serialized compactly (the way providers put tool definitions into the prompt).
 */
export function toolDefinitionText(definition: { description: string; schema: unknown }): string {
  return `${definition.description}\n${JSON.stringify(definition.schema)}`;
}

export function countToolTokens(definition: { description: string; schema: unknown }): number {
  return countTokens(toolDefinitionText(definition));
}
