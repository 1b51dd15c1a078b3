import { Hono } from 'hono';
import type { ManageEnv } from '../../middleware/auth';

export const teamRoutes = new Hono<ManageEnv>();
