import { z } from 'zod';

/** The settings a user changes from the window; main validates every update with this. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const editableSettingsSchema = z.strictObject({
  theme: z.enum(THEMES),
  /** 0 turns autosave off. */
  autosaveIntervalSeconds: z.number().int().min(0).max(3600),
  defaultHealthCheckTimeoutSeconds: z.number().int().min(1).max(600),
  /** Open the file that was open when the app last quit. */
  reopenLastFile: z.boolean(),
});
export type EditableSettings = z.output<typeof editableSettingsSchema>;

export const DEFAULT_SETTINGS: EditableSettings = {
  theme: 'system',
  autosaveIntervalSeconds: 60,
  defaultHealthCheckTimeoutSeconds: 60,
  reopenLastFile: true,
};

/** Links the app opens in the browser: main maps each id to a fixed https address. */
export const APP_LINKS = {
  docs: 'https://github.com/stackdraft/stackdraft#readme',
  issues: 'https://github.com/stackdraft/stackdraft/issues',
} as const;
export type AppLink = keyof typeof APP_LINKS;
