import { useMessages } from '../../i18n/I18nProvider';

/** The options of a microphone or speaker choice: the system default first, then each device by its label. */
export function DeviceOptions({ devices, unnamed }: { devices: readonly MediaDeviceInfo[]; unnamed: (position: number) => string }) {
  const t = useMessages('voice');
  return (
    <>
      <option value="">{t.systemDefault}</option>
      {devices.map((device, index) => (
        <option key={device.deviceId} value={device.deviceId}>
          {device.label || unnamed(index + 1)}
        </option>
      ))}
    </>
  );
}
