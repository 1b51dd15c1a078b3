import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const practiceRoutes = new Hono<AppEnv>();
