import type { View } from '../store/ui';

/** Full-screen views contributed by features (版本对照 …). */
export const extraViews: Partial<Record<View, () => React.ReactNode>> = {};
