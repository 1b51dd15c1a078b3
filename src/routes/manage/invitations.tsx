import { Hono } from 'hono';
import type { ManageEnv } from '../../middleware/auth';

export const invitationsRoutes = new Hono<ManageEnv>();
