/** Near-duplicate groups in moderation (issue 15, duplicates helper). */
export const duplicates = {
  duplicates: {
    nav: 'Skupine',
  },
} as const;
