/**
 * Every word the bot says, in one place so it can be translated. Card builders and handlers take a
 * `BotText` and never hold their own strings.
 */
export interface BotText {
  productName: string;
  welcome: {
    /** Greeting headline; `name` is null when Teams did not tell us who installed the app. */
    title(name: string | null): string;
    summary: string;
    helpHint: string;
  };
  help: {
    title: string;
    unrecognised: string;
    commandsIntro: string;
    tabHint: string;
  };
  commands: Record<'help', { description: string }>;
  openTab: string;
  errors: {
    /** Sent to the user when a turn fails on our side; details go to the log, not the chat. */
    turnFailed: string;
  };
}

const en: BotText = {
  productName: 'Confer',
  welcome: {
    title: (name) => (name ? `Hi ${name}, welcome to Confer` : 'Hi, welcome to Confer'),
    summary:
      'Confer schedules 1:1 and small-group conversations, such as mentoring sessions and check-ins, ' +
      'against your Outlook calendar, right here in Teams.',
    helpHint: 'Type **help** at any time to see what I can do.',
  },
  help: {
    title: 'What I can do',
    unrecognised: "Sorry, I didn't understand that.",
    commandsIntro: 'Type one of these commands:',
    tabHint: 'Open Confer to see your calendar for the week ahead.',
  },
  commands: {
    help: { description: 'Shows this list.' },
  },
  openTab: 'Open Confer',
  errors: {
    turnFailed: 'Something went wrong on our side. Please try again in a moment.',
  },
};

const catalogue: Record<string, BotText> = { en };

/**
 * Text for a Bot Framework locale (`activity.locale`, e.g. `en-US`). Falls back to English, the only
 * catalogue so far.
 */
export function textFor(locale: string | undefined): BotText {
  const language = (locale ?? '').toLowerCase().split('-')[0] ?? '';
  return catalogue[language] ?? en;
}
