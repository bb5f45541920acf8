/**
 * The chat commands the bot answers. Only commands that work are listed: the help card is built from
 * this list, and the manifest's `commandLists` carries the same titles, so a command appears to users
 * exactly when it exists.
 */
export const commandNames = ['schedule with', 'upcoming', 'help'] as const;
export type CommandName = (typeof commandNames)[number];

export type Command = { name: 'help' } | { name: 'upcoming' } | { name: 'schedule with'; who: string };

/** A person's name or address as typed; Graph filters are built from it, so keep it short. */
const maxNameLength = 64;

/**
 * The command a message asks for, or undefined for anything else. Teams sends the text as typed
 * (after the SDK strips the bot's @mention); case and surrounding whitespace carry no meaning.
 * `schedule with` without a name is still the command: the bot answers with how to use it.
 */
export function parseCommand(text: string | undefined): Command | undefined {
  const typed = (text ?? '').trim().replace(/\s+/g, ' ');
  const word = typed.toLowerCase();
  if (word === 'help') return { name: 'help' };
  if (word === 'upcoming') return { name: 'upcoming' };
  const schedule = /^schedule(?: with)?(?:\s+(.*))?$/i.exec(typed);
  if (schedule) return { name: 'schedule with', who: (schedule[1] ?? '').trim().slice(0, maxNameLength) };
  return undefined;
}
