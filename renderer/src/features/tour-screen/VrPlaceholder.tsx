import { useMessages } from '../../i18n/I18nProvider';
import { Icon } from '../../ui/Icon';

/**
 * Stands where the VR is drawn while no VR view is plugged in: a box that fills the VR area and names the
 * room's VR. `data-obscured` mirrors what a native view would be told (hidden while something is over it).
 */
export function VrPlaceholder({ vr, obscured }: { vr: string | null; obscured: boolean }) {
  const t = useMessages('tourScreen');
  return (
    <div className="tour-vr-placeholder" data-placeholder="vr" data-obscured={obscured}>
      <Icon glyph="◰" />
      <p className="tour-vr-placeholder__title">{t.vrPlaceholderTitle}</p>
      <p className="mono break">{vr ? t.vrPlaceholderText(vr) : t.vrPlaceholderNoVr}</p>
    </div>
  );
}
