import { lazy, Suspense } from 'react';
import type { View } from '../store/ui';
import { t } from '../i18n/zh-CN';

// Full-screen views load on first use: the reader, which every session opens, does not pay for
// the chart library or the compare view at start-up.
const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));
const BackupsView = lazy(() => import('./backups/BackupsView').then((m) => ({ default: m.BackupsView })));
const DelegationView = lazy(() => import('./delegation/DelegationView').then((m) => ({ default: m.DelegationView })));
const IndicatorsView = lazy(() => import('./indicators/IndicatorsView').then((m) => ({ default: m.IndicatorsView })));

function Loading() {
  return <div className="loading">{t.loadingView}</div>;
}

const wrap = (Component: React.ComponentType) => () => (
  <Suspense fallback={<Loading />}>
    <Component />
  </Suspense>
);

/** Full-screen views contributed by features (版本对照 …). */
export const extraViews: Partial<Record<View, () => React.ReactNode>> = {
  compare: wrap(CompareView),
  backups: wrap(BackupsView),
  delegation: wrap(DelegationView),
  indicators: wrap(IndicatorsView),
};
