// Moved to views/components/charts.tsx; this re-export goes once its last importers follow.
export * from './components/charts';
