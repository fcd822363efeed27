/**
 * Chat slang and frequent misspellings expanded before matching ("ur appt" reads as
 * "your appointment"). Each entry: [typed form, what it stands for, note]. Sorted, no duplicates.
 * Only whole words are replaced; spans still point at what the user typed.
 */
export const SLANG: ReadonlyArray<readonly [string, string, string]> = [
  ['2day', 'today', 'chat spelling'],
  ['2morrow', 'tomorrow', 'chat spelling'],
  ['apointment', 'appointment', 'common misspelling'],
  ['apointments', 'appointments', 'common misspelling'],
  ['appoinment', 'appointment', 'common misspelling'],
  ['appointmnet', 'appointment', 'transposition typo'],
  ['appt', 'appointment', 'front-desk abbreviation'],
  ['appts', 'appointments', 'front-desk abbreviation'],
  ['b4', 'before', 'chat spelling'],
  ['cleanning', 'cleaning', 'common misspelling'],
  ['docs', 'doctors', 'informal plural'],
  ['hygenist', 'hygienist', 'common misspelling'],
  ['perscription', 'prescription', 'common misspelling'],
  ['prescripton', 'prescription', 'common misspelling'],
  ['rootcanal', 'root canal', 'run-together spelling'],
  ['rx', 'prescription', 'pharmacy abbreviation'],
  ['sched', 'schedule', 'abbreviation'],
  ['thx', 'thanks', 'chat spelling'],
  ['tmrw', 'tomorrow', 'chat spelling'],
  ['txt', 'text', 'chat spelling'],
  ['u', 'you', 'chat spelling'],
  ['ur', 'your', 'chat spelling; also stands for "you\'re", which reads the same for detection'],
  ['urs', 'yours', 'chat spelling'],
  ['yr', 'your', 'chat spelling'],
  ['yur', 'your', 'chat spelling'],
];
