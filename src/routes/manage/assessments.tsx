import { Hono } from 'hono';
import type { ManageEnv } from '../../middleware/auth';

export const assessmentsRoutes = new Hono<ManageEnv>();
