import { main } from '../kit/agency';
import { policeService } from './service';

main(policeService);
