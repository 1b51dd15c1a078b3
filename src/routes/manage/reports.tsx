import { Hono } from 'hono';
import type { ManageEnv } from '../../middleware/auth';

export const reportsRoutes = new Hono<ManageEnv>();
