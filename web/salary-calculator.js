// The embeddable calculator: <script type="module" src=".../salary-calculator.js"></script> and
// <salary-calculator occupation="15-1252" area="TX" salary="120000"></salary-calculator>.
// Importing this module defines the element; it defines no global besides it.
import { SalaryCalculatorElement } from './ui/element.js';

export { SalaryCalculatorElement };

SalaryCalculatorElement.define();
