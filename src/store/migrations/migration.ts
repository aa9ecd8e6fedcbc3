import type { Database } from 'better-sqlite3';

/** One schema step. Shipped steps are never edited, only added (a fix is a new step). */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
