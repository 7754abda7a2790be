import 'reflect-metadata';
import { main } from '../kit/agency';
import { socialCareService } from './service';

main(socialCareService);
