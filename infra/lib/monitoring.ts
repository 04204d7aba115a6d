/**
 * Alarms and the dashboard: the services' alarms (in their own stacks) and the dead-letter topics'
 * (here) send to one SNS topic; one CloudWatch dashboard shows every function of the stack by
 * search expressions, so that it needs no reference into the services' nested stacks.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-search-expressions.html
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { metricsNamespace, consumerMetricNames } from '#shared/metrics.js';
import type { KafkaCluster } from './kafka-cluster.js';

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
  /** The stack's name, which every function name of the stack starts with. */
  readonly stackName: string;
}

/** The alarm topic, the dead-letter topics' alarms and the dashboard. */
export class Monitoring extends Construct {
  /** Where every alarm sends its state changes; subscribe the on-call addresses to it. */
  readonly alarmTopic: sns.Topic;
  /** The dead-letter topics' alarms. */
  readonly deadLetterAlarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'AlarmsKey', { description: 'The alarm topic', enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
    // CloudWatch publishes to an encrypted topic only if the key lets it
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-sns-encryption).
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'Clean-governance alarms', masterKey: key, enforceSSL: true });

    const search = (label: string, query: string, statistic: string) =>
      new cloudwatch.MathExpression({ label, expression: `SEARCH('${query}', '${statistic}', 300)`, usingMetrics: {}, period: Duration.minutes(5) });
    const ofStack = `"${props.stackName}"`;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Errors by function', width: 12, left: [search('errors', `{AWS/Lambda,FunctionName} MetricName="Errors" ${ofStack}`, 'Sum')] }),
      new cloudwatch.GraphWidget({ title: 'p99 duration by function (ms)', width: 12, left: [search('p99', `{AWS/Lambda,FunctionName} MetricName="Duration" ${ofStack}`, 'p99')] }),
      new cloudwatch.GraphWidget({ title: 'Kafka offset lag by consumer', width: 12, left: [search('lag', `{AWS/Lambda,FunctionName} MetricName="OffsetLag" ${ofStack}`, 'Maximum')] }),
      new cloudwatch.GraphWidget({ title: 'Stream iterator age by relay (ms)', width: 12, left: [search('age', `{AWS/Lambda,FunctionName} MetricName="IteratorAge" ${ofStack}`, 'Maximum')] }),
      new cloudwatch.GraphWidget({ title: 'Records dead-lettered by consumer', width: 12, left: [search('dead-lettered', `{${metricsNamespace},consumer,service} MetricName="${consumerMetricNames['dead-lettered']}"`, 'Sum')] }),
      new cloudwatch.GraphWidget({ title: 'Throttles by function', width: 12, left: [search('throttles', `{AWS/Lambda,FunctionName} MetricName="Throttles" ${ofStack}`, 'Sum')] }),
    );
  }

  /**
   * An alarm on each dead-letter topic of the cluster: any record written to it, by a consumer or
   * by a mapping's on-failure destination. MSK counts records per topic and broker at the
   * PER_TOPIC_PER_BROKER level (https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html),
   * so the alarm sums the brokers'.
   */
  watchDeadLetters(kafka: KafkaCluster): void {
    const brokers = Array.from({ length: kafka.brokerCount }, (_, index) => String(index + 1));
    for (const topic of [...kafka.topics.keys()].filter((t) => t.endsWith('.dlq'))) {
      const usingMetrics = Object.fromEntries(
        brokers.map((broker) => [
          `b${broker}`,
          new cloudwatch.Metric({
            namespace: 'AWS/Kafka',
            metricName: 'MessagesInPerSec',
            dimensionsMap: { 'Cluster Name': kafka.clusterName, 'Broker ID': broker, Topic: topic },
            statistic: 'Maximum',
            period: Duration.minutes(5),
          }),
        ]),
      );
      const alarm = new cloudwatch.Alarm(this, `DeadLetters-${topic}`, {
        alarmDescription: `Records were written to ${topic}: read them, mend the cause and send them again`,
        metric: new cloudwatch.MathExpression({ label: `${topic} records in`, expression: `SUM([${Object.keys(usingMetrics).join(',')}])`, usingMetrics, period: Duration.minutes(5) }),
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new cloudwatchActions.SnsAction(this.alarmTopic));
      this.deadLetterAlarms.push(alarm);
    }
  }
}
