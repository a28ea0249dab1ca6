import { SelectFilter } from "../../../components/select-filter";
import { ORDER_STATUSES, PLATFORM_LABELS, PLATFORMS, type OwnerAffiliate } from "../../../types/models";
import type { OrderFilter } from "../order-filter";

interface Props {
  filter: OrderFilter;
  onFilter: (patch: Partial<OrderFilter>) => void;
  orderKey: string;
  onOrderKey: (orderKey: string) => void;
  affiliates: readonly OwnerAffiliate[];
}

export function OrderFilters({ filter, onFilter, orderKey, onOrderKey, affiliates }: Props) {
  const affiliateOptions = [{ value: "none", label: "Unattributed" }, ...[...affiliates].sort((a, b) => a.email.localeCompare(b.email)).map((a) => ({ value: a.id, label: a.email }))];
  return (
    <div className="toolbar">
      <SelectFilter label="Platform" value={filter.platform} onValue={(platform) => onFilter({ platform })} options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))} testId="filter-platform" />
      <SelectFilter label="Affiliate" value={filter.affiliate} onValue={(affiliate) => onFilter({ affiliate })} options={affiliateOptions} testId="filter-affiliate" />
      <SelectFilter label="Status" value={filter.status} onValue={(status) => onFilter({ status })} options={ORDER_STATUSES} testId="filter-status" />
      <label>
        Order key <input value={orderKey} onChange={(e) => onOrderKey(e.target.value)} placeholder="lemonsqueezy_1001" data-testid="filter-order-key" />
      </label>
      <label>
        <input type="checkbox" checked={filter.flaggedOnly} onChange={(e) => onFilter({ flaggedOnly: e.target.checked })} data-testid="filter-flagged" /> Flagged only
      </label>
    </div>
  );
}
