/** Suggested themes in moderation (issue 15, themes helper). */
export const themes = {
  themes: {
    nav: 'Teme',
  },
} as const;
