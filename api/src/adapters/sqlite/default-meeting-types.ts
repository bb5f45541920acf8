import type { MeetingType } from '../../ports/tenant-store.ts';

/** Reminders a day before and a quarter of an hour before: time to prepare, and a nudge to join. */
const DEFAULT_REMINDERS = [1440, 15];

type DefaultMeetingType = Omit<MeetingType, 'tenantId'>;

/**
 * The meeting types every tenant starts with. Ids are stable slugs so links and tests can name them; they
 * are unique per tenant only (the store keys types by tenant first).
 */
export const defaultMeetingTypes: readonly DefaultMeetingType[] = [
  {
    id: 'mentoring-session',
    name: 'Mentoring session',
    durationMinutes: 45,
    agendaPrompts: [
      'What has gone well since we last met, and what made the difference?',
      'Which challenge would you most like to think through together today?',
      'What skill or experience do you want to grow over the next few months?',
      'What is one small step you will take before our next session?',
    ],
    defaultReminders: DEFAULT_REMINDERS,
    sortOrder: 1,
    cadenceDays: 14,
  },
  {
    id: 'one-to-one-check-in',
    name: '1:1 check-in',
    durationMinutes: 30,
    agendaPrompts: [
      'What are you focused on this week, and is anything blocking you?',
      'Is there anything you need from me, or from the team?',
      'What feedback do we have for each other since last time?',
    ],
    defaultReminders: DEFAULT_REMINDERS,
    sortOrder: 2,
    cadenceDays: 7,
  },
  {
    id: 'wellbeing-conversation',
    name: 'Wellbeing conversation',
    durationMinutes: 30,
    agendaPrompts: [
      'How are you feeling about your work and your workload right now?',
      'Is anything outside or inside work making things harder at the moment?',
      'What would help you feel more supported, and who else could help?',
      'How and when would you like us to check in again?',
    ],
    defaultReminders: DEFAULT_REMINDERS,
    sortOrder: 3,
    cadenceDays: 28,
  },
  {
    id: 'performance-conversation',
    name: 'Performance conversation',
    durationMinutes: 60,
    agendaPrompts: [
      'Which achievements from this period are you most proud of, and what was their impact?',
      'Where did things not go to plan, and what did we learn?',
      'How are you progressing against your objectives, with examples?',
      'What goals and support do we agree on for the next period?',
    ],
    defaultReminders: DEFAULT_REMINDERS,
    sortOrder: 4,
    // A review has its own calendar: no rhythm, so pairs who only meet for reviews are never nudged.
    cadenceDays: null,
  },
];

export function seedMeetingTypes(tenantId: string): MeetingType[] {
  return defaultMeetingTypes.map((type) => ({
    ...type,
    tenantId,
    agendaPrompts: [...type.agendaPrompts],
    defaultReminders: [...type.defaultReminders],
  }));
}
