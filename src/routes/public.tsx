import { Hono } from 'hono';
import { AreaPage } from '../../views/pages/area';
import { LandingPage } from '../../views/pages/landing';
import { sessionUser } from '../auth/session';
import { countUsers, membershipsOf } from '../db/accounts';
import { areaSpread, getArea, listAreas } from '../db/areas';
import { databaseReachable } from '../db/health';
import type { AppEnv } from '../env';
import { PublicError } from '../http/public-error';

export const publicRoutes = new Hono<AppEnv>();

publicRoutes.get('/', async (c) => {
  const db = c.get('deps').db;
  const [areas, user] = await Promise.all([listAreas(db), sessionUser(c)]);
  const org = user ? (await membershipsOf(db, user.id))[0] : undefined;
  // A fresh install says how to begin, as `npm start` does; a signed-in visitor proves an account exists.
  const noAccounts = user ? false : (await countUsers(db)) === 0;
  return c.render(<LandingPage areas={areas} noAccounts={noAccounts} />, {
    title: 'Skillcheck',
    user: user ? { name: user.name, orgName: org?.orgName } : null,
  });
});

publicRoutes.get('/areas/:area', async (c) => {
  const db = c.get('deps').db;
  const area = await getArea(db, c.req.param('area'));
  if (!area) throw new PublicError(404, 'There is no skill area by that name.');
  const spread = await areaSpread(db, area.id);
  return c.render(<AreaPage area={area} spread={spread} />, { title: area.title });
});

/** Liveness plus database reachability, for load balancers and uptime checks. */
publicRoutes.get('/healthz', async (c) => {
  const ok = await databaseReachable(c.get('deps').db);
  c.header('Cache-Control', 'no-store');
  return c.json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' }, ok ? 200 : 503);
});
