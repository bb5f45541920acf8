export {
  type ConnectionPromptDeps,
  type ConnectionPromptOptions,
  DEFAULT_WARN_DAYS_BEFORE,
  expiryWarningPrefix,
  planConnectionPrompts,
  scheduleConnectionPrompts,
  withConnectionPrompts,
} from './connection-prompts.ts';
export { type DeliveryJobs, type DeliveryJobsOptions, startDeliveryJobs } from './delivery-jobs.ts';
export {
  MAX_LEAD_MINUTES,
  planReminders,
  REMINDER_HORIZON_DAYS,
  type ReminderPlanOptions,
  reminderKeyPrefix,
} from './plan-reminders.ts';
export {
  extendReminderHorizon,
  FALLBACK_REMINDERS,
  planMeetingReminders,
  type ReminderDeps,
  scheduleReminders,
} from './schedule-reminders.ts';
