import type { View } from '../store/ui';
import { CompareView } from './compare/CompareView';
import { BackupsView } from './backups/BackupsView';
import { DelegationView } from './delegation/DelegationView';
import { IndicatorsView } from './indicators/IndicatorsView';

/** Full-screen views contributed by features (版本对照 …). */
export const extraViews: Partial<Record<View, () => React.ReactNode>> = {
  compare: () => <CompareView />,
  backups: () => <BackupsView />,
  delegation: () => <DelegationView />,
  indicators: () => <IndicatorsView />,
};
