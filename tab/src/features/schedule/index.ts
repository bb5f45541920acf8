export { SchedulePage, type SchedulePageProps } from './schedule-page.tsx';
export { TimePicker, type TimePickerProps } from './time-picker.tsx';
