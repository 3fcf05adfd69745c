/**
 * The flags of the conversion and invoice commands, for the argument parser (kept apart from
 * the commands so the parser imports no command code).
 */

/** Flags that take a value. */
export const CONVERT_VALUE_FLAGS = [
  '--lead',
  '--rows',
  '--contact',
  '--account',
  '--deal-name',
  '--closing-date',
  '--stage',
  '--pipeline',
  '--amount',
  '--contact-role',
  '--assign-to',
  '--move-attachments-to',
  '--carry-tags',
  '--api',
  '--id',
  '--to',
  '--module-id',
  '--as',
  '--workflow',
  '--pdf',
  '--html',
  '--limit',
  '--row',
  '--without',
];

/** Switches. */
export const CONVERT_SWITCHES = ['--all', '--overwrite', '--notify-lead-owner', '--notify-new-owner', '--simulate', '--mass', '--with-checks', '--duplicates', '--details'];
