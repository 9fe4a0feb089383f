import { launch, reportFatal } from './launch'

await launch('start').catch(reportFatal)
