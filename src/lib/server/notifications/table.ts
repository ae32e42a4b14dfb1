/** Row types of subscriptions, reminders and invitation imports (migration 0019_notifications; issue 16, onboarding helper). */
export interface NotificationTables {}
