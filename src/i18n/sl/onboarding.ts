/** Issue 16: the words of one helper's part (owned by that helper until it lands). */
export const onboarding = {
  onboarding: {},
} as const;
