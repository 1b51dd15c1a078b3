import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const resultsRoutes = new Hono<AppEnv>();
