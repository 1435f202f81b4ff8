/** Money from the API, formatted by Intl from its decimal string and currency: never computed here. */
import { formatMoney, type Money } from '../../../app-kit/src/money.ts';

/** `deduction`: an amount taken off (discounts), shown with a minus sign unless it is zero. */
export function Price({ money, class: className, deduction }: { money: Money; class?: string; deduction?: boolean }) {
  const minus = deduction && !/^0*(\.0*)?$/.test(money.amount) ? '−' : '';
  return (
    <span class={className ?? 'price'}>
      {minus}
      {formatMoney(money)}
    </span>
  );
}
