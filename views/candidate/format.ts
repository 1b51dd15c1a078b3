// Moved to views/components/format.ts; this re-export goes once its last importers follow.
export { formatDateTime, formatDuration, formatMinutes, formatTime, plural } from '../components/format';
