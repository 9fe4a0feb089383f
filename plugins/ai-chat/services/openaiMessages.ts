// The chat's request in the Responses API's terms: the system prompt becomes `instructions`, each stored message
// becomes input items (text messages, `function_call` for a tool use, `function_call_output` for its result),
// and each tool a function tool. Stored blocks keep Anthropic's wire names (see ../types.ts); this is where
// the OpenAI provider maps them.
import type OpenAI from 'openai'

import type { ChatMessage, ChatRequest, ToolResultBlock, ToolUseBlock } from '../types'

export type ResponseInputParams = Required<Pick<OpenAI.Responses.ResponseCreateParamsStreaming, 'input' | 'instructions'>> &
  Pick<OpenAI.Responses.ResponseCreateParamsStreaming, 'tools'>

type InputItem = OpenAI.Responses.ResponseInputItem

// function_call_output has no error flag, so a failed or refused tool says so in words the model cannot miss.
export const TOOL_ERROR_PREFIX = 'Tool error: '

const textMessage = (role: 'user' | 'assistant', text: string): InputItem => ({ type: 'message', role, content: text })

function toolCallItem(block: ToolUseBlock): InputItem {
  return { type: 'function_call', call_id: block.id, name: block.name, arguments: JSON.stringify(block.input) }
}

function toolOutputItem(block: ToolResultBlock): InputItem {
  const output = block.is_error ? `${TOOL_ERROR_PREFIX}${block.content}` : block.content
  return { type: 'function_call_output', call_id: block.tool_use_id, output }
}

/**
 * One message as input items, in the blocks' order: a tool result must follow its call, and consecutive text
 * blocks share one message. Only the fields OpenAI knows are copied; stored messages may carry more.
 */
function toInputItems(message: ChatMessage): InputItem[] {
  if (typeof message.content === 'string') return [textMessage(message.role, message.content)]
  const items: InputItem[] = []
  let pendingText: string[] = []
  const flushText = () => {
    if (pendingText.length > 0) items.push(textMessage(message.role, pendingText.join('\n\n')))
    pendingText = []
  }
  for (const block of message.content) {
    if (block.type === 'text') {
      pendingText.push(block.text)
      continue
    }
    flushText()
    items.push(block.type === 'tool_use' ? toolCallItem(block) : toolOutputItem(block))
  }
  flushText()
  return items
}

/** What both the streamed call and the token count send: instructions, input items and function tools. */
export function toResponseInput(request: ChatRequest): ResponseInputParams {
  return {
    instructions: request.system,
    input: request.messages.flatMap(toInputItems),
    // An empty tools list is left out rather than sent. `strict: false`: strict mode would demand every
    // property be required and additionalProperties false, which the tools' schemas do not promise.
    ...(request.tools.length > 0
      ? {
          tools: request.tools.map(({ name, description, input_schema }) => ({
            type: 'function' as const,
            name,
            description,
            parameters: input_schema,
            strict: false,
          })),
        }
      : {}),
  }
}
