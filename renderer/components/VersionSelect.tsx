import type { SelectHTMLAttributes } from 'react';

/** A report version as a picker lists it. */
export interface VersionOption {
  id: string;
  label: string;
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  versions: readonly VersionOption[];
  value: string;
  onChange: (versionId: string) => void;
};

/** The one drop-down for choosing a report version, so every picker lists versions alike. */
export function VersionSelect({ versions, value, onChange, ...rest }: Props) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {v.label}
        </option>
      ))}
    </select>
  );
}
