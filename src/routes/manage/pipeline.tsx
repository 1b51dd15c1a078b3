import { Hono } from 'hono';
import type { ManageEnv } from '../../middleware/auth';

export const pipelineRoutes = new Hono<ManageEnv>();
