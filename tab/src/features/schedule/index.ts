export { PeoplePicker, type PeoplePickerProps } from './people-picker.tsx';
export { SchedulePage, type SchedulePageProps } from './schedule-page.tsx';
export { TimePicker, type TimePickerProps } from './time-picker.tsx';
