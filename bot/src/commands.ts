/**
 * The chat commands the bot answers. Only commands that work are listed: the help card is built from
 * this list, so a command appears to users exactly when it exists.
 */
export const commandNames = ['help'] as const;
export type CommandName = (typeof commandNames)[number];

/**
 * The command a message asks for, or undefined for anything else. Teams sends the text as typed
 * (after the SDK strips the bot's @mention); case and surrounding whitespace carry no meaning.
 */
export function parseCommand(text: string | undefined): CommandName | undefined {
  const word = (text ?? '').trim().toLowerCase();
  return commandNames.find((name) => name === word);
}
