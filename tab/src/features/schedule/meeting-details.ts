import type { Translator } from '@confer/contracts/i18n';
import type { Recurrence } from './schedule-api.ts';

export interface MeetingTypeView {
  readonly id: string;
  readonly name: string;
  readonly durationMinutes: number;
  readonly agendaPrompts: readonly string[];
}

/** Everything about the meeting except who and when. */
export interface MeetingDetails {
  readonly typeId: string | null;
  readonly title: string;
  readonly titleEdited: boolean;
  readonly durationMinutes: number;
  readonly recurrence: Recurrence | null;
  readonly online: boolean;
  readonly location: string;
  readonly agenda: string;
}

export const initialDetails: MeetingDetails = {
  typeId: null,
  title: '',
  titleEdited: false,
  durationMinutes: 30,
  recurrence: null,
  online: true,
  location: '',
  agenda: '',
};

/** The agenda a meeting type suggests: its prompts as a list to fill in. */
export function agendaOf(type: MeetingTypeView): string {
  return type.agendaPrompts.map((prompt) => `• ${prompt}`).join('\n');
}

/**
 * Choosing a type fills the length and the agenda prompts; an agenda the person already wrote (anything but
 * the previous type's prompts) is kept, and so is a title they typed.
 */
export function applyType(details: MeetingDetails, types: readonly MeetingTypeView[], typeId: string | null) {
  const previous = types.find((t) => t.id === details.typeId);
  const next = types.find((t) => t.id === typeId);
  const agendaUntouched = details.agenda.trim() === '' || (previous && details.agenda === agendaOf(previous));
  return {
    ...details,
    typeId: next ? next.id : null,
    durationMinutes: next ? next.durationMinutes : details.durationMinutes,
    agenda: next && agendaUntouched ? agendaOf(next) : details.agenda,
  };
}

/** "Mentoring session with Adele Vance" until the person types their own title. */
export function defaultTitle(i18n: Translator, type: MeetingTypeView | undefined, names: readonly string[]): string {
  const what = type?.name ?? i18n.t('schedule.title.meeting');
  if (!names.length) return what;
  const who =
    names.length <= 2
      ? i18n.list(names)
      : i18n.t('schedule.title.andOthers', { name: names[0], count: names.length - 1 });
  return i18n.t('schedule.title.with', { what, who });
}

export const DURATIONS = [15, 30, 45, 60, 90, 120] as const;
